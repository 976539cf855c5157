print("sharemap")
