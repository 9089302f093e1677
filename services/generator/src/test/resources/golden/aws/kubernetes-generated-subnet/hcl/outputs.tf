output "main_vpc_id" {
  description = "ID of the VPC of network main"
  value       = aws_vpc.main.id
}

output "k8s_endpoint" {
  description = "API server endpoint of cluster k8s"
  value       = aws_eks_cluster.k8s.endpoint
}

output "k8s_name" {
  description = "Name of EKS cluster k8s"
  value       = aws_eks_cluster.k8s.name
}
