"""A state dict from torch's `.pt` zip format, read with numpy and a restricted unpickler.

`torch.save(model.state_dict(), path)` writes a zip: `<name>/data.pkl` (a pickle of an
OrderedDict whose tensors are calls to `torch._utils._rebuild_tensor_v2` over persistent
storage ids) and `<name>/data/<key>` (each storage's raw little-endian bytes). Reading it needs
no torch, and the unpickler below resolves only the handful of names such a file uses, so a
pickle that asks for anything else (os.system, say) is refused instead of run.
"""

from __future__ import annotations

import collections
import io
import pickle
import zipfile
from pathlib import Path

import numpy as np

STORAGES = {"FloatStorage": "<f4", "DoubleStorage": "<f8", "HalfStorage": "<f2",
            "LongStorage": "<i8", "IntStorage": "<i4", "ShortStorage": "<i2",
            "CharStorage": "i1", "ByteStorage": "u1", "BoolStorage": "?"}
MAX_BYTES = 64 << 20  # a 1-64-1 network is under 2 KB; refuse anything absurd


class TorchFileError(Exception):
    """Why a .pt file could not be read as a state dict of plain tensors."""


class _Storage:
    def __init__(self, dtype: str):
        self.dtype = dtype


def _rebuild_tensor(storage, offset, size, stride, *rest):
    """torch._utils._rebuild_tensor_v2 for a contiguous tensor, as numpy."""
    count = int(np.prod(size))
    flat = storage[offset:offset + count]
    if flat.size != count:
        raise TorchFileError("a tensor runs past its storage")
    expected = tuple(int(np.prod(size[i + 1:])) for i in range(len(size)))
    if tuple(stride) != expected and count > 1:
        raise TorchFileError("a tensor is not contiguous")
    return flat.reshape(tuple(size)).astype(float)


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, archive: zipfile.ZipFile, prefix: str):
        super().__init__(file)
        self.archive, self.prefix = archive, prefix

    def find_class(self, module: str, name: str):
        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        if (module, name) in (("torch._utils", "_rebuild_tensor_v2"),
                              ("torch._utils", "_rebuild_tensor")):
            return _rebuild_tensor
        if module == "torch" and name in STORAGES:
            return _Storage(STORAGES[name])
        raise TorchFileError(f"the file's pickle asks for {module}.{name}, which a state dict "
                             "of tensors never needs")

    def persistent_load(self, pid):
        if not (isinstance(pid, tuple) and len(pid) >= 5 and pid[0] == "storage"
                and isinstance(pid[1], _Storage)):
            raise TorchFileError("an unknown persistent id in the file's pickle")
        name = f"{self.prefix}data/{pid[2]}"
        try:
            raw = self.archive.read(name)
        except KeyError:
            raise TorchFileError(f"the storage {name} is missing") from None
        return np.frombuffer(raw, dtype=pid[1].dtype)


def state_dict(path: Path) -> dict[str, np.ndarray]:
    """{name: array} from a .pt file in torch's zip format; TorchFileError if it is not one."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise TorchFileError(f"larger than {MAX_BYTES >> 20} MB")
        with zipfile.ZipFile(path) as archive:
            pickles = [n for n in archive.namelist() if n.endswith("data.pkl")]
            if len(pickles) != 1:
                raise TorchFileError("not torch's zip format (no single data.pkl)")
            prefix = pickles[0][:-len("data.pkl")]
            loaded = _Unpickler(io.BytesIO(archive.read(pickles[0])), archive, prefix).load()
    except zipfile.BadZipFile:
        raise TorchFileError("not a zip file (torch's format since 1.6)") from None
    except OSError as exc:
        raise TorchFileError(exc.strerror or str(exc)) from None
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError) as exc:
        raise TorchFileError(f"a damaged pickle ({type(exc).__name__}: {exc})") from None
    if not isinstance(loaded, dict) or not all(isinstance(v, np.ndarray) for v in loaded.values()):
        raise TorchFileError("the pickle is not a state dict of tensors")
    return dict(loaded)


def with_torch(path: Path) -> dict[str, np.ndarray]:
    """The same through torch itself (`weights_only=True`), for a file in torch's older
    format; TorchFileError when torch is not installed (the find-torch extra) or refuses."""
    try:
        import torch
    except ImportError:
        raise TorchFileError("not in torch's zip format, and torch is not installed to read it "
                             "(pip install 'find-lab[find-torch]')") from None
    try:
        loaded = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:
        raise TorchFileError(f"torch could not read it ({type(exc).__name__}: {exc})") from None
    return {key: value.detach().double().numpy() for key, value in loaded.items()}


def mlp_net(weights: dict[str, np.ndarray]) -> dict:
    """FIND's nn.Sequential(Linear(1, 64), ReLU(), Linear(64, 1)) as our 1-64-1 network
    (y = sum_j w2[j] relu(w1[j] x + b1[j]) + b2, on raw x)."""
    shapes = {"layers.0.weight": (64, 1), "layers.0.bias": (64,), "layers.2.weight": (1, 64),
              "layers.2.bias": (1,)}
    for key, shape in shapes.items():
        if key not in weights or tuple(weights[key].shape) != shape:
            raise TorchFileError(f"not FIND's 1-64-1 MLP (no {key} of shape {shape})")
    return {"w1": [float(v) for v in weights["layers.0.weight"][:, 0]],
            "b1": [float(v) for v in weights["layers.0.bias"]],
            "w2": [float(v) for v in weights["layers.2.weight"][0]],
            "b2": float(weights["layers.2.bias"][0])}


def read_mlp(path: Path) -> dict:
    """Our network from FIND's mlp_approx_model.pt: numpy first, torch only for old files."""
    try:
        weights = state_dict(path)
    except TorchFileError as first:
        if "zip" not in str(first):
            raise
        weights = with_torch(path)
    return mlp_net(weights)
