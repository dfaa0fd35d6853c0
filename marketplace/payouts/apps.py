from django.apps import AppConfig


class PayoutsConfig(AppConfig):
    name = "marketplace.payouts"
    label = "payouts"
