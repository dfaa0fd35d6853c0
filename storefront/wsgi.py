"""WSGI entry point of the storefront (`make run` serves it on 127.0.0.1:8001)."""

import os

from django.core.wsgi import get_wsgi_application

# Forced, not defaulted: `make run` passes the API's environment (DJANGO_SETTINGS_MODULE included).
os.environ["DJANGO_SETTINGS_MODULE"] = "storefront.settings"
application = get_wsgi_application()
