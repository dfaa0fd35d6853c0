from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    name = "marketplace.channels"
    label = "channels"

    def ready(self) -> None:
        from marketplace.channels.models import Channel
        from marketplace.core.reference_memo import retire_on_write

        retire_on_write(Channel)
