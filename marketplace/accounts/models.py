"""Users (buyers, artisan members, curators, staff) and postal addresses, as in Saleor."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone

from marketplace.core.models import LANGUAGE_CHOICES, ModelWithMetadata


class Address(models.Model):
    first_name = models.CharField(max_length=256, blank=True)
    last_name = models.CharField(max_length=256, blank=True)
    company_name = models.CharField(max_length=256, blank=True)
    street_address_1 = models.CharField(max_length=256, blank=True)
    street_address_2 = models.CharField(max_length=256, blank=True)
    city = models.CharField(max_length=256, blank=True)
    city_area = models.CharField(max_length=128, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2)
    country_area = models.CharField(max_length=128, blank=True)
    phone = models.CharField(max_length=32, blank=True)

    def __str__(self) -> str:
        return ", ".join(p for p in (self.street_address_1, self.city, self.country) if p)


def new_token_key() -> str:
    return secrets.token_hex(16)


class UserManager(BaseUserManager):
    def create_user(self, email: str, password: str | None = None, **extra):
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password) if password else user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra):
        return self.create_user(email, password, is_staff=True, is_superuser=True, **extra)


class User(PermissionsMixin, ModelWithMetadata, AbstractBaseUser):
    email = models.EmailField(unique=True)
    first_name = models.CharField(max_length=256, blank=True)
    last_name = models.CharField(max_length=256, blank=True)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    language_code = models.CharField(max_length=8, choices=LANGUAGE_CHOICES, default="fr")
    date_joined = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # Part of every JWT; rotated on password change so that older tokens stop working.
    jwt_token_key = models.CharField(max_length=32, default=new_token_key)
    addresses = models.ManyToManyField(Address, blank=True, related_name="user_addresses")
    default_shipping_address = models.ForeignKey(Address, null=True, blank=True, on_delete=models.SET_NULL,
                                                 related_name="+")
    default_billing_address = models.ForeignKey(Address, null=True, blank=True, on_delete=models.SET_NULL,
                                                related_name="+")

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    objects = UserManager()

    class Meta:
        ordering = ["email"]
        permissions = [
            ("manage_curation", "Curate collections, review listings, verify artisans"),
            ("view_programme_results", "See the programme's results"),
            # The back office's, not the ministry's: curators do not touch buyers' orders or money.
            ("manage_orders", "See every order, record payments, fulfil for any artisan"),
            ("handle_payments", "Refund payments"),
            ("manage_payouts", "Create and pay the artisans' payout batches"),
        ]

    def __str__(self) -> str:
        return self.email

    def set_password(self, raw_password: str | None) -> None:
        super().set_password(raw_password)
        self.jwt_token_key = new_token_key()
