"""Benchmark of the photo pipeline on a realistic 12 MP phone photo (prints figures).

    .venv/bin/python bench/photography_bench.py [--runs 3]

Generates two synthetic 4032x3024 JPEGs (EXIF orientation 6, GPS, Display P3 profile when
pyvips can provide one): a textured pot on a cluttered table, and a pot on a plain, tinted
backdrop (exercises background replacement). Each job runs in a fresh child process so
peak RSS (ru_maxrss) is the job's own. The derivative stage is then compared with pyvips
(thumbnail + the same encoders at equivalent settings), side by side in one child.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


# ---------------------------------------------------------------- synthetic photo
def make_photo(kind: str, size: tuple[int, int] = (4032, 3024), seed: int = 7) -> bytes:
    """A phone-like JPEG stored landscape with EXIF orientation 6 (shown portrait)."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter

    rng = np.random.default_rng(seed)
    w, h = size  # stored (landscape) geometry; the scene is drawn upright then rotated
    uw, uh = h, w
    low = (uw // 8, uh // 8)
    yy, xx = np.mgrid[0 : low[1], 0 : low[0]].astype(np.float32)
    light = 1.0 - 0.35 * (((xx / low[0]) - 0.35) ** 2 + ((yy / low[1]) - 0.3) ** 2)
    # a cluttered room, or a warm-tinted plain wall
    base = np.array([176, 160, 140], np.float32) if kind == "cluttered" else np.array([226, 214, 190], np.float32)
    scene = Image.fromarray(np.clip(base * light[..., None], 0, 255).astype(np.uint8)).resize(
        (uw, uh), Image.Resampling.BICUBIC
    )
    d = ImageDraw.Draw(scene)
    if kind == "cluttered":
        d.rectangle((0, int(uh * 0.68), uw, uh), fill=(120, 84, 58))  # table top
        for _ in range(70):
            x0, y0 = int(rng.integers(0, uw)), int(rng.integers(0, uh))
            x1, y1 = x0 + int(rng.integers(uw // 30, uw // 5)), y0 + int(rng.integers(uh // 30, uh // 5))
            col = tuple(int(c) for c in rng.integers(20, 235, 3))
            (d.rectangle if rng.random() < 0.5 else d.ellipse)((x0, y0, x1, y1), fill=col)
        for _ in range(60):
            p0 = (int(rng.integers(0, uw)), int(rng.integers(0, uh)))
            p1 = (int(rng.integers(0, uw)), int(rng.integers(0, uh)))
            d.line(
                [p0, p1], fill=tuple(int(c) for c in rng.integers(0, 255, 3)), width=int(rng.integers(4, 24))
            )
    # the pot: a textured body with zellige-like bands
    cx, cy, rx, ry = uw * 0.5, uh * 0.55, uw * 0.26, uh * 0.24
    pot = Image.new("RGB", (uw, uh), (150, 86, 48))
    pd = ImageDraw.Draw(pot)
    for i in range(0, uh, 60):
        colour = (
            (38, 84, 140) if (i // 60) % 4 == 0 else (190, 150, 70) if (i // 60) % 4 == 2 else (150, 86, 48)
        )
        pd.rectangle((0, i, uw, i + 30), fill=colour)
    for i in range(0, uw, 90):
        pd.line([(i, 0), (i + 300, uh)], fill=(110, 60, 30), width=6)
    mask = Image.new("L", (uw, uh), 0)
    ImageDraw.Draw(mask).ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=255)
    ImageDraw.Draw(mask).rectangle((cx - rx * 0.35, cy - ry * 1.35, cx + rx * 0.35, cy - ry * 0.6), fill=255)
    scene.paste(pot, (0, 0), mask.filter(ImageFilter.GaussianBlur(2)))
    arr = np.asarray(scene, dtype=np.int16)
    arr = arr + rng.normal(0, 3.0, (uh // 2, uw // 2, 1)).astype(np.int16).repeat(2, 0).repeat(2, 1)
    scene = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))
    stored = scene.transpose(Image.Transpose.ROTATE_90)  # orientation 6 rotates it back upright
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F], exif[0x0110] = "PhoneMaker", "Phone 12"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (31.0, 37.0, 42.1), 3: "W", 4: (8.0, 0.0, 9.5), 27: b"ASCII\0\0\0SECRET-GPS"})
    buf = io.BytesIO()
    stored.save(buf, "JPEG", quality=92, exif=exif.tobytes(), icc_profile=_p3_profile())
    return buf.getvalue()


def _p3_profile() -> bytes | None:
    try:
        import pyvips

        return pyvips.Image.profile_load("p3")
    except Exception:
        return None


def peak_mib() -> float:
    """Peak RSS of this process. VmHWM is per address space, so unlike ru_maxrss it does
    not inherit the parent's high-water mark across fork+exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# ---------------------------------------------------------------- children
def child_pipeline(path: str, runs: int) -> dict:
    from marketplace.photography import analyse_photo, process_photo

    data = Path(path).read_bytes()
    rss_before = peak_mib()
    analyse = []
    for _ in range(runs):
        t0 = time.perf_counter()
        analyse_photo(data)
        analyse.append(time.perf_counter() - t0)
    results = []
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        r = process_photo(data, aspect="1:1")
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0  # cpu: all threads of this process
        results.append({"wall": wall, "cpu": cpu, "timings": r.timings})
    return {
        "runs": results,
        "analyse": analyse,
        "mode": r.mode,
        "master": list(r.master_size),
        "derivatives": len(r.derivatives),
        "bytes": sum(len(d.data) for d in r.derivatives),
        "peak_mib": peak_mib(),
        "import_mib": rss_before,
    }


def child_compare(path: str, runs: int) -> dict:
    import pyvips
    from PIL import Image

    from marketplace.photography import process_photo
    from marketplace.photography.derivatives import (
        ENCODER_OPTIONS,
        LARGE_OVERRIDES,
        LARGE_WIDTH,
        build_derivatives,
        plan_widths,
    )

    master = Image.open(io.BytesIO(process_photo(Path(path).read_bytes()).master))
    master.load()
    master.info = {}
    raw = master.tobytes()
    widths = plan_widths(master.width)
    avif, webp, jpeg = ENCODER_OPTIONS["AVIF"], ENCODER_OPTIONS["WEBP"], ENCODER_OPTIONS["JPEG"]

    def with_pillow() -> int:
        return sum(len(d.data) for d in build_derivatives(master))

    def with_vips() -> int:
        img = pyvips.Image.new_from_memory(raw, master.width, master.height, 3, "uchar")
        total = 0
        for w in widths:
            t = img if w == master.width else img.thumbnail_image(w)
            speed = (LARGE_OVERRIDES["AVIF"] if w > LARGE_WIDTH else avif)["speed"]
            # libvips maps effort to libheif speed = 9 - effort: same AVIF speed as ours per width
            total += len(
                t.heifsave_buffer(Q=avif["quality"], effort=9 - speed, compression="av1", keep="none")
            )
            total += len(t.webpsave_buffer(Q=webp["quality"], effort=webp["method"], keep="none"))
            total += len(
                t.jpegsave_buffer(Q=jpeg["quality"], optimize_coding=True, interlace=True, keep="none")
            )
        return total

    pil_t, vips_t = [], []
    sizes = {}
    for _ in range(runs):  # interleaved so both see the same machine load
        t0 = time.perf_counter()
        sizes["pillow"] = with_pillow()
        pil_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        sizes["pyvips"] = with_vips()
        vips_t.append(time.perf_counter() - t0)
    return {"pillow": pil_t, "pyvips": vips_t, "sizes": sizes, "widths": widths, "vips": pyvips.version(1)}


def run_child(kind: str, path: str, runs: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, path, "--runs", str(runs)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- report
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--child", nargs=2, metavar=("KIND", "PATH"))
    args = ap.parse_args()
    if args.child:
        kind, path = args.child
        if kind.startswith("make:"):  # generated in a child too, so the parent stays small
            Path(path).write_bytes(make_photo(kind[5:]))
            result = {"bytes": Path(path).stat().st_size}
        elif kind == "pipeline":
            result = child_pipeline(path, args.runs)
        else:
            result = child_compare(path, args.runs)
        print(json.dumps(result))
        return

    with tempfile.TemporaryDirectory() as tmp:
        load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
        print("12 MP synthetic phone photos, 4032x3024 stored, EXIF orientation 6 + GPS + P3 profile")
        print(f"runs per figure: {args.runs}; load average at start: {load} (other users share the cores)")
        for scene in ("cluttered", "plain-backdrop"):
            path = Path(tmp) / f"{scene}.jpg"
            run_child(f"make:{scene}", str(path), 1)
            res = run_child("pipeline", str(path), args.runs)
            stages = list(res["runs"][0]["timings"])
            print(
                f"\n== {scene}: {path.stat().st_size / 2**20:.1f} MiB JPEG, mode={res['mode']}, "
                f"master {res['master'][0]}x{res['master'][1]}, {res['derivatives']} derivatives "
                f"({res['bytes'] / 2**20:.2f} MiB)"
            )
            print(f"{'stage':<18}{'median ms':>10}{'first ms':>10}")
            for st in stages:
                vals = [r["timings"][st] * 1000 for r in res["runs"]]
                print(f"{st:<18}{statistics.median(vals):>10.0f}{vals[0]:>10.0f}")
            walls = [r["wall"] for r in res["runs"]]
            cpus = [r["cpu"] for r in res["runs"]]
            print(
                f"{'wall (median)':<18}{statistics.median(walls) * 1000:>10.0f}{walls[0] * 1000:>10.0f}   "
                f"target <= 1500 ms"
            )
            # On shared cores the minimum is the least disturbed run; CPU time (both threads) is
            # what load inflates least.
            print(f"{'wall (min)':<18}{min(walls) * 1000:>10.0f}")
            print(f"{'CPU (min)':<18}{min(cpus) * 1000:>10.0f}   all threads; load average now "
                  f"{Path('/proc/loadavg').read_text().split()[0]}")
            print(
                f"{'analyse_photo':<18}{statistics.median(res['analyse']) * 1000:>10.0f}"
                f"{res['analyse'][0] * 1000:>10.0f}   (report only, draft)"
            )
            print(
                f"{'peak RSS MiB':<18}{res['peak_mib']:>10.0f}   target <= 300 (after imports: {res['import_mib']:.0f})"
            )
        cmp_ = run_child("compare", str(Path(tmp) / "cluttered.jpg"), args.runs)
        p, v = statistics.median(cmp_["pillow"]), statistics.median(cmp_["pyvips"])
        print(
            f"\n== derivative set only ({len(cmp_['widths'])} widths {cmp_['widths']} x AVIF/WebP/JPEG), "
            f"libvips {cmp_['vips']}"
        )
        print(f"{'engine':<18}{'median ms':>10}{'MiB out':>10}")
        print(f"{'Pillow (ours)':<18}{p * 1000:>10.0f}{cmp_['sizes']['pillow'] / 2**20:>10.2f}")
        print(f"{'pyvips':<18}{v * 1000:>10.0f}{cmp_['sizes']['pyvips'] / 2**20:>10.2f}")
        print(f"{'ratio Pillow/vips':<18}{p / v:>10.2f}")


if __name__ == "__main__":
    main()
