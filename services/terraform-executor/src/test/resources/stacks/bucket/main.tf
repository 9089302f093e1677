resource "aws_s3_bucket" "files" {
  bucket_prefix = "BLUEPRINT_NAME-files-"
  force_destroy = true
}

resource "aws_s3_bucket_versioning" "files" {
  bucket = aws_s3_bucket.files.id

  versioning_configuration {
    status = "VERSIONING"
  }
}
