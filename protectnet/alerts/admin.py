# Alerts are deliberately not registered in the admin site: admin rights must not open alert
# content (see alerts/rules.py). Admins see the statistics page, which holds no personal data.
