"""kill -9 of the Celery worker while it runs the photo pipeline on an uploaded photo: the media stays
PENDING (nothing half-published), `manage.py reprocess_media` picks it up and publishes it once, a second
run finds nothing to do, and the task delivered again afterwards (acks_late) does not process it twice."""

from __future__ import annotations

import io
import json
import subprocess
import time
from pathlib import Path

import pytest
import requests

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
MEDIA = """
from marketplace.media.models import ProductMedia
m = ProductMedia.objects.get(pk={pk})
print(json.dumps({{'status': m.status, 'version': m.pipeline_version, 'files': m.files,
                  'processed_at': m.processed_at.isoformat() if m.processed_at else None}}))
"""


def large_photo(size: int = 3000) -> bytes:
    """A photo-like JPEG big enough for the pipeline to take a while."""
    import numpy as np
    from PIL import Image

    y, x = np.mgrid[0:size, 0:size]
    base = np.stack([120 + 60 * np.sin(x / 90.0), 90 + 40 * np.cos(y / 120.0), 70 + 30 * np.sin((x + y) / 150.0)], -1)
    base[((x - size / 2) ** 2 + (y - size / 2) ** 2) < (size / 4) ** 2] = [180, 80, 40]
    noise = np.random.default_rng(7).normal(0, 6, base.shape)
    out = io.BytesIO()
    Image.fromarray(np.clip(base + noise, 0, 255).astype("uint8")).save(out, "JPEG", quality=90)
    return out.getvalue()


def test_a_photo_whose_worker_was_killed_is_reprocessed_once(fault_cluster, stack, in_cluster, tmp_path):
    if not stack.RedisServer.available():
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    product = in_cluster("from marketplace.catalog.models import Product\n"
                         "from marketplace.core.graphql.ids import to_global_id\n"
                         "print(json.dumps(to_global_id('Product', Product.objects.get(slug='fault-piece-0').pk)))")
    redis = stack.RedisServer().start()
    env = stack.production_env(fault_cluster.url, REDIS_URL=redis.url)
    try:
        with stack.ApiServer(env, tmp_path / "api.log", workers=1, threads=2) as api:
            worker = stack.CeleryWorker(env, tmp_path / "worker.log").start()
            token = stack.sign_in(api.url, *stack.DEMO_LOGINS["admin"])
            operations = {"query": stack.document("ProductMediaCreate"),
                          "variables": {"input": {"product": product, "image": None, "alt": "Vue de face"}}}
            response = requests.post(f"{api.url}/graphql/", headers={"Authorization": f"Bearer {token}"}, data={
                "operations": json.dumps(operations), "map": json.dumps({"0": ["variables.input.image"]})},
                files={"0": ("plat.jpg", large_photo(), "image/jpeg")}, timeout=60)
            result = response.json()["data"]["productMediaCreate"]
            assert result["errors"] == [], result
            pk = int(__import__("base64").b64decode(result["media"]["id"]).decode().split(":")[1])
            assert worker.wait_for("media.process_product_media", 30), worker.log_text()[-2000:]
            time.sleep(0.3)  # the pipeline is running
            worker.kill()
        killed = in_cluster(MEDIA.format(pk=pk))
        assert killed["status"] == "PENDING" and killed["files"] == {} and killed["version"] is None, killed

        command = [stack.PYTHON, "manage.py", "reprocess_media"]
        first = subprocess.run(command, cwd=stack.ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert first.returncode == 0 and first.stdout.startswith("1 photos processed"), first.stdout + first.stderr
        done = in_cluster(MEDIA.format(pk=pk))
        assert done["status"] == "READY" and done["version"] is not None
        media_root = Path(env.get("MAALEM_VAR_DIR", stack.ROOT / "var")) / "media"
        assert (media_root / done["files"]["master"]).exists()

        second = subprocess.run(command, cwd=stack.ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert second.stdout.startswith("0 photos processed"), second.stdout + second.stderr
        redelivered = subprocess.run(
            [stack.PYTHON, "-c", "import django; django.setup()\n"
             "from marketplace.media.tasks import process_product_media_task\n"
             f"process_product_media_task({pk})"], cwd=stack.ROOT, env=env, capture_output=True, text=True)
        assert redelivered.returncode == 0, redelivered.stderr[-2000:]
        assert in_cluster(MEDIA.format(pk=pk)) == done  # not processed a second time
    finally:
        redis.stop()
