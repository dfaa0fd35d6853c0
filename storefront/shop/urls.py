from django.urls import path

from . import account, cart, checkout, orders, pages, password, views

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("craft/<slug:slug>/", views.category, name="category"),
    path("collection/<slug:slug>/", views.collection, name="collection"),
    path("region/<slug:code>/", views.region, name="region"),
    path("artisan/<slug:slug>/", views.artisan, name="artisan"),
    path("p/<slug:slug>/", views.product, name="product"),
    path("page/<slug:slug>/", pages.page, name="page"),
    path("cart/", cart.view_cart, name="cart"),
    path("cart/add/", cart.add, name="cart-add"),
    path("cart/update/", cart.update, name="cart-update"),
    path("checkout/start/", checkout.start, name="checkout-start"),
    path("checkout/", checkout.checkout_page, name="checkout"),
    path("checkout/complete/", checkout.complete, name="checkout-complete"),
    path("order/<str:token>/", orders.order_page, name="order"),
    path("account/", account.account, name="account"),
    path("account/sign-in/", account.sign_in, name="sign-in"),
    path("account/sign-up/", account.sign_up, name="sign-up"),
    path("account/sign-out/", account.sign_out, name="sign-out"),
    path("account/password-reset/", password.request_reset, name="password-reset"),
    path("account/password-reset/set/", password.set_password, name="password-set"),
]
