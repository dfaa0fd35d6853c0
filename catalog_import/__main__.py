import sys

from catalog_import.cli import main

sys.exit(main())
