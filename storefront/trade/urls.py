"""/<lang>/trade/…: the trade space for shops and distributors (mounted by storefront/urls.py)."""

from django.urls import path

from . import views_account, views_buy, views_orders

urlpatterns = [
    path("", views_account.home, name="trade-home"),
    path("apply/", views_account.apply, name="trade-apply"),
    path("catalogue/", views_buy.catalogue, name="trade-catalogue"),
    path("cart/", views_buy.cart, name="trade-cart"),
    path("cart/add/", views_buy.cart_add, name="trade-cart-add"),
    path("cart/upload/", views_buy.cart_upload, name="trade-cart-upload"),
    path("checkout/", views_buy.checkout, name="trade-checkout"),
    path("orders/", views_orders.orders, name="trade-orders"),
    path("orders/<str:order_id>/", views_orders.order, name="trade-order"),
    path("quotes/", views_orders.quotes, name="trade-quotes"),
    path("quotes/new/", views_orders.quote_new, name="trade-quote-new"),
    path("quotes/<str:quote_id>/accept/", views_orders.quote_accept, name="trade-quote-accept"),
    path("line-sheets/", views_orders.line_sheets, name="trade-line-sheets"),
    path("line-sheets/<str:kind>/", views_orders.line_sheet, name="trade-line-sheet"),
]
