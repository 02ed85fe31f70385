"""电子亮证: e-certificates residents show as short-lived QR codes and clerks verify once."""
