-- One row per municipality respondent and item: relevant, given, answered / skipped / missing / off_path.
{{ item_status('municipality') }}
