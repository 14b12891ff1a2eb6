"""Organizations (brands and non-profits), their managers, and their audit log."""
