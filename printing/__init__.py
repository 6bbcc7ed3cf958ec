"""What Loket prints: ESC/POS ticket layouts and PDF documents (receipts, cards, reports)."""
