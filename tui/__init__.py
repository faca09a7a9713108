"""The Textual reader and the command line."""

import os

# numpy's OpenBLAS starts a worker thread per core for each matrix product. newsdesk's products
# are small (a story's sentences against each other), and on a busy 2-core machine those threads
# spin: the first `stories` over 1,000 articles took 5.4-5.6 s of CPU with them, 3.6-3.8 s without
# (docs/performance.md). This must run before numpy is first imported; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
