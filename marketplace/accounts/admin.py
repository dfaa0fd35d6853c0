"""Users: staff grant the back office's permissions here (manage_orders, handle_payments, manage_payouts);
passwords and tokens change only through the API (accounts/services.py, password_reset.py)."""

from django.contrib import admin

from marketplace.accounts.models import Address, User
from marketplace.core.admin import ReadOnlyAdmin


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active", "language_code", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "language_code"]
    search_fields = ["email", "first_name", "last_name"]
    fields = ["email", "first_name", "last_name", "language_code", "is_active", "is_staff", "is_superuser", "groups",
              "user_permissions", "date_joined", "updated_at"]
    readonly_fields = ["date_joined", "updated_at"]
    filter_horizontal = ["groups", "user_permissions"]


@admin.register(Address)
class AddressAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "city", "country"]
    search_fields = ["city", "last_name", "company_name"]
