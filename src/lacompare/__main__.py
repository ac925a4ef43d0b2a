from lacompare.cli import main

main()
