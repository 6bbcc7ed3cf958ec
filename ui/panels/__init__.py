"""Work panels of the counter console: what an officer fills in for the visit in front of
them (cek fisik, registration, payment, hand-over, NPWPD, perforation, tax clearance,
applications and complaints). Each panel calls the services of its area in ``app/``."""
