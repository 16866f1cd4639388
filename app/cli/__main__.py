"""`python -m app.cli`, as the tests and the network lab start a node."""

import sys

from app.cli import main

sys.exit(main())
