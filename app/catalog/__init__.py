"""The service catalog: office-editable files of service standards, validated and loaded."""
