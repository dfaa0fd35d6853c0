"""The "before" copies of product photos move from public storage (served by /media/ to anyone) to private
storage under previews/ (issue 13). Reads and writes go through the storage API: local files or S3 alike."""

from django.db import migrations


def move_before_copies(apps, schema_editor):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage, storages

    ProductMedia = apps.get_model("media", "ProductMedia")
    private = storages["private"]
    for media in ProductMedia.objects.exclude(files={}).iterator():
        before = (media.files or {}).get("before")
        if not before or before.startswith("previews/"):
            continue
        files = dict(media.files)
        if default_storage.exists(before):
            with default_storage.open(before, "rb") as handle:
                data = handle.read()
            target = f"previews/{before}"
            if private.exists(target):
                private.delete(target)
            files["before"] = private.save(target, ContentFile(data))
            default_storage.delete(before)
        else:
            files.pop("before")
        ProductMedia.objects.filter(pk=media.pk).update(files=files)


class Migration(migrations.Migration):
    dependencies = [("media", "0001_initial")]
    operations = [migrations.RunPython(move_before_copies, migrations.RunPython.noop)]
