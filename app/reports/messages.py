"""Messages of the reports."""

from app.i18n import register

register({
    "report.bad_date": ("tanggal {value!r} tidak valid; tulis YYYY-MM-DD, mis. 2026-11-23",
                        "invalid date {value!r}; write YYYY-MM-DD, e.g. 2026-11-23"),
    "report.bad_period": ("periode tidak valid: {start} sampai {end} (akhir sebelum awal)",
                          "invalid period: {start} to {end} (the end is before the start)"),
    "report.period_too_long": ("periode {days} hari terlalu panjang; paling lama {limit} hari",
                               "a period of {days} days is too long; at most {limit} days"),
    "report.no_output": ("pilih keluaran: --json, --pdf BERKAS atau --xlsx BERKAS",
                         "choose an output: --json, --pdf FILE or --xlsx FILE"),
})
