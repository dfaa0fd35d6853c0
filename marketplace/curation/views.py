"""CSV export of the programme's results: GET /exports/programme-results.csv with a curator's token
(`Authorization: Bearer <token>`), optional `since` and `until` (ISO dates) and `language` (fr, ar, en: the
groups' names)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from marketplace.core.models import LANGUAGE_CODES
from marketplace.core.permissions import is_curator
from marketplace.curation.selectors import GROUPS, group_names, programme_results, results_csv_rows


def _date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    day = dt.date.fromisoformat(value)
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def programme_results_csv(request: HttpRequest) -> HttpResponse:
    if not is_curator(request.user):
        error = getattr(request, "jwt_error", None)
        message = error.message if error else "A curator's token is required (Authorization: Bearer <token>)."
        return JsonResponse({"error": message}, status=401 if not request.user.is_authenticated else 403)
    try:
        since, until = _date(request.GET.get("since")), _date(request.GET.get("until"))
    except ValueError:
        return JsonResponse({"error": "since and until are ISO dates (YYYY-MM-DD)."}, status=400)
    language = request.GET.get("language", "fr")
    if language not in LANGUAGE_CODES:
        return JsonResponse({"error": f"language is one of {', '.join(LANGUAGE_CODES)}."}, status=400)
    results = programme_results(since, until)
    names = group_names([g for group in GROUPS for g in results[f"by_{group}"]], language)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(results_csv_rows(results, names))
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="programme-results.csv"'
    return response
