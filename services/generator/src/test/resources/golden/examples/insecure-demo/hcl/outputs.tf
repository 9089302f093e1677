output "demo_net_vpc_id" {
  description = "ID of the VPC of network demo-net"
  value       = aws_vpc.demo_net.id
}

output "demo_public_subnet_id" {
  description = "ID of subnet demo-public"
  value       = aws_subnet.demo_public.id
}

output "wide_open_security_group_id" {
  description = "ID of the security group of firewall wide-open"
  value       = aws_security_group.wide_open.id
}

output "jumpbox_private_ips" {
  description = "Private IP addresses of jumpbox"
  value       = aws_instance.jumpbox[*].private_ip
}

output "jumpbox_public_ips" {
  description = "Public IP addresses of jumpbox"
  value       = aws_instance.jumpbox[*].public_ip
}

output "legacy_db_endpoint" {
  description = "Host name of database legacy-db"
  value       = aws_db_instance.legacy_db.address
}

output "legacy_db_master_secret_arn" {
  description = "Secrets Manager secret holding the master password of legacy-db"
  value       = aws_db_instance.legacy_db.master_user_secret[0].secret_arn
}

output "public_files_bucket_name" {
  description = "Name of bucket public-files"
  value       = aws_s3_bucket.public_files.bucket
}
