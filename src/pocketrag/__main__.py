from pocketrag.cli import main

main()
