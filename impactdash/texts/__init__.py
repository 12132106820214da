"""Page texts in Dutch and English, one module per page; merged by impactdash.i18n."""
