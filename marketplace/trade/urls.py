from django.urls import path

from marketplace.trade import views

urlpatterns = [
    path("trade/line-sheet/<str:token>.pdf", views.line_sheet, name="trade-line-sheet"),
    path("trade/order-form/<str:token>.xlsx", views.order_form, name="trade-order-form"),
]
