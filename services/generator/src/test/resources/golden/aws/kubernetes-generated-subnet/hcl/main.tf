data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_iam_policy_document" "eks_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["eks.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "ec2_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_vpc" "main" {
  cidr_block           = "10.6.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = {
    Name = "case-kubernetes-auto-main"
  }
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "case-kubernetes-auto-main"
  }
}

resource "aws_route_table" "main_public" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "case-kubernetes-auto-main-public"
  }
}

resource "aws_route" "main_internet" {
  route_table_id         = aws_route_table.main_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.main.id
}

resource "aws_subnet" "k8s_nodes_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.6.240.0/20"
  availability_zone       = element(data.aws_availability_zones.available.names, 0)
  map_public_ip_on_launch = true

  tags = {
    Name = "case-kubernetes-auto-k8s-nodes-a"
  }
}

resource "aws_route_table_association" "k8s_nodes_a" {
  subnet_id      = aws_subnet.k8s_nodes_a.id
  route_table_id = aws_route_table.main_public.id
}

resource "aws_subnet" "k8s_nodes_b" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.6.224.0/20"
  availability_zone       = element(data.aws_availability_zones.available.names, 1)
  map_public_ip_on_launch = true

  tags = {
    Name = "case-kubernetes-auto-k8s-nodes-b"
  }
}

resource "aws_route_table_association" "k8s_nodes_b" {
  subnet_id      = aws_subnet.k8s_nodes_b.id
  route_table_id = aws_route_table.main_public.id
}

resource "aws_iam_role" "k8s_cluster" {
  name               = "case-kubernetes-auto-k8s-cluster"
  assume_role_policy = data.aws_iam_policy_document.eks_assume_role.json
}

resource "aws_iam_role_policy_attachment" "k8s_cluster" {
  role       = aws_iam_role.k8s_cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
}

resource "aws_iam_role" "k8s_nodes" {
  name               = "case-kubernetes-auto-k8s-nodes"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume_role.json
}

resource "aws_iam_role_policy_attachment" "k8s_nodes" {
  for_each = {
    worker   = "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"
    cni      = "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"
    registry = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"
  }

  role       = aws_iam_role.k8s_nodes.name
  policy_arn = each.value
}

resource "aws_eks_cluster" "k8s" {
  name     = "case-kubernetes-auto-k8s"
  role_arn = aws_iam_role.k8s_cluster.arn
  version  = "1.31"

  vpc_config {
    subnet_ids              = [aws_subnet.k8s_nodes_a.id, aws_subnet.k8s_nodes_b.id]
    endpoint_private_access = true
    endpoint_public_access  = true
  }

  depends_on = [aws_iam_role_policy_attachment.k8s_cluster]
}

resource "aws_eks_node_group" "k8s" {
  cluster_name    = aws_eks_cluster.k8s.name
  node_group_name = "case-kubernetes-auto-k8s-nodes"
  node_role_arn   = aws_iam_role.k8s_nodes.arn
  subnet_ids      = [aws_subnet.k8s_nodes_a.id, aws_subnet.k8s_nodes_b.id]
  instance_types  = ["t3.medium"]

  scaling_config {
    desired_size = 3
    min_size     = 3
    max_size     = 3
  }

  update_config {
    max_unavailable = 1
  }

  depends_on = [aws_iam_role_policy_attachment.k8s_nodes]
}
