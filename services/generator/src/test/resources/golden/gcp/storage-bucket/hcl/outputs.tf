output "archive_bucket_name" {
  description = "Name of bucket archive"
  value       = google_storage_bucket.archive.name
}

output "site_bucket_name" {
  description = "Name of bucket site"
  value       = google_storage_bucket.site.name
}
