from lacompare.console import main

main()
