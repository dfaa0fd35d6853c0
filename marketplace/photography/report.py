"""Quality scores, pass/fail and advice (fr/ar/en) from raw measurements.

Each check is scored 0-100 on the original photo ("before") and, where it makes sense,
on the enhanced master ("after"). Advice is about how to *take* the photo, so it is given
whenever the original falls short, even when the pipeline could repair it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .analysis import Measurements

PASS_SCORE = 50
WEIGHTS = {
    "resolution": 15,
    "sharpness": 25,
    "exposure": 20,
    "colour_cast": 15,
    "background_clutter": 15,
    "subject_fill": 10,
    "edge_quality": 25,  # a torn or littered cut-out is worse than the clutter it removed
}
AFTER_CHECKS = frozenset(
    {"sharpness", "exposure", "colour_cast", "background_clutter", "subject_fill", "edge_quality"}
)
STRAY_PENALTY = 55  # per separate object beside the piece (at most two count): a stray object shows
DEBRIS_PENALTY = 60  # the same objects, on the edge check: debris is a failed cut-out

LABELS = {
    "resolution": {"fr": "Résolution", "ar": "الدقة", "en": "Resolution"},
    "sharpness": {"fr": "Netteté", "ar": "الوضوح", "en": "Sharpness"},
    "exposure": {"fr": "Exposition", "ar": "الإضاءة", "en": "Exposure"},
    "colour_cast": {"fr": "Couleurs", "ar": "الألوان", "en": "Colour"},
    "background_clutter": {"fr": "Arrière-plan", "ar": "الخلفية", "en": "Background"},
    "subject_fill": {"fr": "Cadrage", "ar": "التأطير", "en": "Framing"},
    "edge_quality": {"fr": "Contours", "ar": "الحواف", "en": "Edges"},
}

ADVICE = {
    "resolution": {
        "fr": "La photo est trop petite : utilisez l'appareil photo du "
              "téléphone en pleine résolution, sans zoom ni capture d'écran.",
        "ar": "الصورة صغيرة جدًا: استعمل كاميرا الهاتف بالدقة الكاملة، بدون تكبير أو لقطة شاشة.",
        "en": "The photo is too small: use the phone camera at full resolution, without zoom or screenshots.",
    },
    "sharpness": {
        "fr": "La photo est floue : posez le téléphone sur un appui et "
              "touchez l'objet à l'écran pour faire la mise au point.",
        "ar": "الصورة غير واضحة: ضع الهاتف على سند ثابت والمس المنتج على الشاشة لضبط التركيز.",
        "en": "The photo is blurry: rest the phone on a support and tap the object on the screen to focus.",
    },
    "exposure:dark": {
        "fr": "La photo est trop sombre : photographiez en journée, près d'une fenêtre, sans flash.",
        "ar": "الصورة مظلمة جدًا: صوّر خلال النهار بالقرب من نافذة، بدون فلاش.",
        "en": "The photo is too dark: shoot in daytime near a window, without the flash.",
    },
    "exposure:bright": {
        "fr": "La photo est trop claire : évitez le soleil direct et le flash, préférez une lumière douce.",
        "ar": "الصورة ساطعة جدًا: تجنّب أشعة الشمس المباشرة والفلاش، واختر ضوءًا ناعمًا.",
        "en": "The photo is too bright: avoid direct sunlight and the flash; prefer soft light.",
    },
    "colour_cast": {
        "fr": "Les couleurs sont faussées : photographiez à la lumière du "
              "jour, loin des lampes colorées, devant un fond blanc ou gris.",
        "ar": "الألوان غير طبيعية: صوّر في ضوء النهار بعيدًا عن المصابيح الملوّنة، أمام خلفية بيضاء أو رمادية.",
        "en": "The colours are off: shoot in daylight, away from "
              "coloured lamps, in front of a white or grey background.",
    },
    "background_clutter": {
        "fr": "L'arrière-plan est encombré : photographiez la pièce seule, sur un drap ou un mur uni et clair.",
        "ar": "الخلفية مزدحمة: صوّر القطعة وحدها على قماش أو حائط فاتح بلون واحد.",
        "en": "The background is cluttered: photograph the piece alone, on a plain, light sheet or wall.",
    },
    "edge_quality": {
        "fr": "Les contours de la pièce se confondent avec le fond : laissez de l'espace autour de la pièce "
        "et photographiez-la sur un drap ou un mur uni.",
        "ar": "حواف القطعة تختلط بالخلفية: اترك مساحة حول القطعة وصوّرها على قماش أو حائط بلون واحد.",
        "en": "The piece's edges blend into the background: leave space around the piece and photograph it "
        "on a plain sheet or wall.",
    },
    "subject_fill:small": {
        "fr": "L'objet est trop petit dans la photo : rapprochez-vous pour qu'il occupe presque tout le cadre.",
        "ar": "المنتج صغير جدًا في الصورة: اقترب منه حتى يملأ معظم الإطار.",
        "en": "The object is too small in the photo: move closer so it fills most of the frame.",
    },
    "subject_fill:cut": {
        "fr": "L'objet est coupé par le bord : reculez un peu pour le photographier en entier.",
        "ar": "المنتج مقطوع عند حافة الصورة: ابتعد قليلًا لتصويره كاملًا.",
        "en": "The object is cut off at the edge: step back a little to photograph all of it.",
    },
    "subject_fill:unknown": {
        "fr": "Nous n'arrivons pas à distinguer l'objet : photographiez-le "
              "seul, sur un fond uni qui contraste avec lui.",
        "ar": "لم نتمكن من تمييز المنتج: صوّره وحده على خلفية بلون واحد تختلف عن لونه.",
        "en": "We cannot make out the object: photograph it alone, on a plain background that contrasts with it.",
    },
}


def _ramp(x: float, bad: float, good: float) -> float:
    """0 at ``bad``, 100 at ``good``, linear between (either direction)."""
    t = (x - bad) / (good - bad)
    return 100.0 * min(1.0, max(0.0, t))


def _score(code: str, m: Measurements) -> tuple[int, str, dict]:
    """Score one check; returns (score, advice key, the values it was judged on)."""
    if code == "resolution":
        long_side, short_side = max(m.width, m.height), min(m.width, m.height)
        s = _ramp(min(long_side, short_side * 4 / 3), 0, 2048)
        return round(s), code, {"width": m.width, "height": m.height}
    if code == "sharpness":
        s = _ramp(math.log10(max(m.sharpness, 1e-3)), 0.0, math.log10(30))
        return round(s), code, {"laplacian_variance": round(m.sharpness, 2)}
    if code == "exposure":
        dark = max(0.0, 0.75 - m.bright_point) * 200 + max(0.0, 0.2 - m.mean_luminance) * 300
        dark += max(0.0, m.shadow_clip - 0.02) * 200
        # A light frame is a light backdrop, not a fault: "too bright" is judged on clipping.
        bright = max(0.0, m.mean_luminance - 0.9) * 300 + max(0.0, m.highlight_clip - 0.01) * 300
        key = "exposure:dark" if dark >= bright else "exposure:bright"
        values = {
            "mean_luminance": round(m.mean_luminance, 3),
            "bright_point": round(m.bright_point, 3),
            "shadow_clipping": round(m.shadow_clip, 4),
            "highlight_clipping": round(m.highlight_clip, 4),
        }
        return round(max(0.0, 100 - dark - bright)), key, values
    if code == "colour_cast":
        rgb = [round(v * 255) for v in m.reference_rgb]
        return round(_ramp(m.cast, 0.30, 0.06)), code, {"cast": round(m.cast, 3), "reference_rgb": rgb}
    if code == "background_clutter":
        s = _ramp(m.clutter, 0.45, 0.05) - STRAY_PENALTY * min(2, m.stray_pieces)
        return round(max(0.0, s)), code, {"clutter": round(m.clutter, 3), "stray_pieces": m.stray_pieces}
    if code == "edge_quality":
        penalty = (100 - _ramp(m.edge_unsure, 0.35, 0.05)) * 0.6 + (100 - _ramp(m.edge_roughness, 0.08, 0.02))
        penalty += DEBRIS_PENALTY * min(3, m.stray_pieces)
        if m.margin is not None and m.margin < 0.03:
            penalty += 30
        if not m.subject_found:
            penalty = max(penalty, 50)  # nothing could be told apart from the background
        values = {
            "unsure": round(m.edge_unsure, 3),
            "roughness": round(m.edge_roughness, 3),
            "margin": None if m.margin is None else round(m.margin, 3),
            "stray_pieces": m.stray_pieces,
        }
        return round(max(0.0, 100 - penalty)), code, values
    if code == "subject_fill":
        if m.subject_cut:
            return 30, "subject_fill:cut", {"fill": None, "subject_cut": True}
        if not m.subject_found or m.fill is None:
            return 40, "subject_fill:unknown", {"fill": None, "subject_cut": False}
        f = m.fill
        s = _ramp(f, 0.1, 0.55) if f < 0.55 else (100.0 if f <= 0.9 else _ramp(f, 1.3, 0.9))
        return round(s), "subject_fill:small", {"fill": round(f, 3), "subject_cut": False}
    raise KeyError(code)


@dataclass
class QualityCheck:
    code: str
    score: int  # the photo as published: "after" when measured, else "before"
    passed: bool
    before_score: int
    before: dict
    after_score: int | None = None
    after: dict | None = None
    advice: dict[str, str] | None = None  # fr/ar/en, set when the original photo falls short

    @property
    def label(self) -> dict[str, str]:
        return LABELS[self.code]

    @property
    def before_passed(self) -> bool:
        return self.before_score >= PASS_SCORE

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "label": self.label,
            "score": self.score,
            "passed": self.passed,
            "advice": self.advice,
            "before": {"score": self.before_score, "passed": self.before_passed, "values": self.before},
            "after": None
            if self.after_score is None
            else {"score": self.after_score, "passed": self.after_score >= PASS_SCORE, "values": self.after},
        }


@dataclass
class QualityReport:
    checks: list[QualityCheck]
    overall_before: int
    overall_after: int | None = None
    pipeline_version: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def overall(self) -> int:
        return self.overall_before if self.overall_after is None else self.overall_after

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    def check(self, code: str) -> QualityCheck:
        return next(c for c in self.checks if c.code == code)

    def advice(self, lang: str) -> list[str]:
        return [c.advice[lang] for c in self.checks if c.advice]

    def to_dict(self) -> dict:
        return {
            "pipeline_version": self.pipeline_version,
            "overall": self.overall,
            "overall_before": self.overall_before,
            "overall_after": self.overall_after,
            "passed": self.passed,
            "checks": [c.to_dict() for c in self.checks],
            "notes": list(self.notes),
        }


def check_scores(m: Measurements) -> dict[str, int]:
    return {code: _score(code, m)[0] for code in WEIGHTS}


def overall(scores: dict[str, int]) -> int:
    return round(sum(scores[c] * w for c, w in WEIGHTS.items()) / sum(WEIGHTS.values()))


def build_report(
    before: Measurements,
    after: Measurements | None = None,
    *,
    changed: set[str] | frozenset[str] = AFTER_CHECKS,
    pipeline_version: int = 0,
) -> QualityReport:
    """``changed`` names the checks the pipeline acted on; only those get an "after"
    (a kept background is not re-judged just because the frame was cropped)."""
    checks = []
    b_scores, a_scores = {}, {}
    for code in WEIGHTS:
        bs, key, bvals = _score(code, before)
        b_scores[code] = a_scores[code] = bs
        check = QualityCheck(code=code, score=bs, passed=bs >= PASS_SCORE, before_score=bs, before=bvals)
        if after is not None and code in changed and code in AFTER_CHECKS:
            a_score, _, avals = _score(code, after)
            a_scores[code] = check.score = check.after_score = a_score
            check.after = avals
            check.passed = a_score >= PASS_SCORE
        if bs < PASS_SCORE or not check.passed:
            check.advice = dict(ADVICE[key])
        checks.append(check)
    return QualityReport(
        checks=checks,
        overall_before=overall(b_scores),
        overall_after=overall(a_scores) if after is not None else None,
        pipeline_version=pipeline_version,
    )
