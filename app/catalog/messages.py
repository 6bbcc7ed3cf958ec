"""Messages of the catalog files' checks added after the first ones (those are in app.i18n)."""

from app.i18n import register

register({
    "catalog.control": (
        "{field!r} berisi karakter kendali {char} yang tidak diizinkan",
        "{field!r} contains the control character {char}, which is not allowed",
    ),
    "catalog.too_long": (
        "{field!r} terlalu panjang: {length} karakter, paling banyak {max}",
        "{field!r} is too long: {length} characters, at most {max}",
    ),
    "catalog.too_big": (
        "{field!r} terlalu besar: {value}, paling besar {max}",
        "{field!r} is too large: {value}, at most {max}",
    ),
    "catalog.office_unknown": (
        "kantor {code!r} tidak ditemukan, baik di berkas katalog yang menyertainya maupun di "
        "basis data",
        "no office {code!r}, neither in a catalog file given with it nor in the database",
    ),
    "catalog.counter_unknown": (
        "loket {code!r} tidak ditemukan di kantor {office!r}, baik di berkas katalog maupun di "
        "basis data",
        "no counter {code!r} at office {office!r}, neither in a catalog file nor in the "
        "database",
    ),
    "catalog.unknown_variant": (
        "varian {code!r} tidak dinyatakan di {field!r} layanan ini",
        "variant {code!r} is not declared under this service's {field!r}",
    ),
})
