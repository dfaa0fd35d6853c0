"""Signed links to the "before" copies of photos, kept in private storage (media/private.py)."""

from django.urls import path

from marketplace.media.private import serve_preview

urlpatterns = [
    path("private-media/<str:token>/before.jpg", serve_preview, name="private-media-before"),
]
