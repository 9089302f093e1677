output "archive_bucket_name" {
  description = "Name of bucket archive"
  value       = aws_s3_bucket.archive.bucket
}

output "site_bucket_name" {
  description = "Name of bucket site"
  value       = aws_s3_bucket.site.bucket
}
