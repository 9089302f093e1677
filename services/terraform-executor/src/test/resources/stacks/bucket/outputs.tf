output "files_bucket_name" {
  description = "Name of bucket files"
  value       = aws_s3_bucket.files.bucket
}
