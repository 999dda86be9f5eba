-- One row per coordinator respondent and item: relevant, given, answered / skipped / missing / off_path.
{{ item_status('coordinator') }}
