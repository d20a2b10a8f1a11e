-- The wall shows an age band beside each alias; aliases written as "王奶奶, 78" gave the exact
-- age away. Drop a trailing age (with its comma or space, and 岁) from existing aliases.
UPDATE "wishes"
SET "alias" = btrim(regexp_replace("alias", '[[:space:],，、·]*[0-9０-９]+[[:space:]]*岁?[[:space:]]*$', ''))
WHERE "alias" ~ '[0-9０-９]+[[:space:]]*岁?[[:space:]]*$'
  AND btrim(regexp_replace("alias", '[[:space:],，、·]*[0-9０-９]+[[:space:]]*岁?[[:space:]]*$', '')) <> '';
