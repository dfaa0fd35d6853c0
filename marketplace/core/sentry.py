"""Error reporting to Sentry, set up by settings only when SENTRY_DSN is set."""

from __future__ import annotations


def init_sentry(dsn: str, *, environment: str, traces_sample_rate: float = 0.0, celery: bool = True) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    integrations = [DjangoIntegration()]
    if celery:
        from sentry_sdk.integrations.celery import CeleryIntegration

        integrations.append(CeleryIntegration())
    # send_default_pii off: buyers' e-mails, addresses and IPs are not sent to a third party.
    sentry_sdk.init(dsn=dsn, environment=environment, integrations=integrations,
                    traces_sample_rate=traces_sample_rate, send_default_pii=False)
