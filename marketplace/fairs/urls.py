from django.urls import path

from marketplace.fairs.views import fair_labels

urlpatterns = [
    path("fairs/labels/<str:token>.pdf", fair_labels, name="fair-labels"),
]
