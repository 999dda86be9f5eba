-- One row per respondent of Tokyo's own survey and item: relevant, given, answered / skipped / missing / off_path.
{{ item_status('tokyo_municipality') }}
