output "main_vpc_id" {
  description = "ID of the VPC of network main"
  value       = aws_vpc.main.id
}

output "app_subnet_id" {
  description = "ID of subnet app"
  value       = aws_subnet.app.id
}

output "vm_private_ips" {
  description = "Private IP addresses of vm"
  value       = aws_instance.vm[*].private_ip
}

output "vm_fw_security_group_id" {
  description = "ID of the security group of firewall vm-fw"
  value       = aws_security_group.vm_fw.id
}
