"""Allows ``python -m attribview``."""

from attribview.cli.main import main

raise SystemExit(main())
