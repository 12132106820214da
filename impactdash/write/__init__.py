"""The write path: permissions, sign-in, validation, staging, and the one transaction with its audit entry."""
