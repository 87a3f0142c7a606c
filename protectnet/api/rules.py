"""The API's own rules: the generated OpenAPI document and browser, and the token's account.

The routes here are django-ninja's own views, which cannot be marked with `@requires`; every
app's operations declare their action where they are declared (`@requires` under the route).
"""

from protectnet.access.rule import SIGNED_IN, Rule

RULES: dict[str, Rule] = {
    "api.me": Rule(SIGNED_IN),
}

ROUTES: dict[str, str] = {
    "api:openapi-json": "public.view",
    "api:openapi-view": "public.view",
    "api:api-root": "public.view",
}
