-- An organization's template language fallbacks, e.g. {"en": "en_US"}: a template asked
-- for in a language it does not exist in is sent in the fallback language, and the
-- answer says so. Without an entry a missing language is an error.
alter table organizations add column language_fallbacks jsonb not null default '{}'::jsonb;
