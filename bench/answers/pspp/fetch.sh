#!/bin/sh
# Fetch the pspp corpus: the PSPP 1.6.2 documentation (the manual under the GNU FDL, the
# program GPL-3+) as a university research office's IT person would index it for the staff
# and students who run statistics with PSPP (a free replacement for SPSS), from Debian
# bookworm's pspp 1.6.2-2 (amd64), copied flat under names that say whose they are:
# - pspp-<node>.html: the manual as makeinfo split it, one HTML page per node, from
#   usr/share/doc/pspp/pspp.html/ (298 pages: index.html, the Top node, becomes
#   pspp-index.html, CROSSTABS.html becomes pspp-CROSSTABS.html; makeinfo's own escapes such
#   as _002d for '-' are kept). Left out of the 384 files there: the 82 pages that only
#   redirect to a node's anchor (SET-SEED.html, ... with <meta http-equiv="Refresh">), the
#   three index pages (Concept-Index.html, Command-Index.html, Function-Index.html) and
#   DEFINE.html, which holds only a menu of links to the macro nodes under it;
# - pspp-NEWS.txt and pspp-README.txt: NEWS.gz and README.gz, decompressed.
# pspp.pdf and pspp.xml (the same manual), ONEWS, THANKS, README.Debian, the changelog and
# the copyright file are left out. The documents are not committed (documents written by
# others), so this script gets the exact .deb (about 5.9 MB, kept in build/corpora/pspp/)
# from the Debian archive with apt-get (no root needed), checks its sha256, extracts it with
# dpkg-deb and copies the files (a .gz decompressed) into build/corpora/pspp/ (git-ignored).
# The package is architecture-specific: its sha256 is the amd64 one, so on another
# architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/pspp/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/pspp"
# package:architecture=version sha256 of its .deb, as observed on 2026-12-06
DEBS="pspp:amd64=1.6.2-2 c3d862ccddc014229daacccd92f1862469603940578b40e19028f780799d2618"
D=usr/share/doc/pspp
# the manual's nodes (NODE.html in the package -> pspp-NODE.html); keep in step with corpus.txt
NODES="
ADD-DOCUMENT ADD-FILES ADD-VALUE-LABELS AGGREGATE APPLY-DICTIONARY AUTORECODE
Arithmetic-Operators Attributes BAR-CHART BEGIN-DATA BINOMIAL BNF BREAK Basic-Numeric-Formats
Binary-and-Hexadecimal-Numeric-Formats Boolean-Values Bugs CACHE CD CHISQUARE
CLOSE-FILE-HANDLE COCHRAN COMMENT COMPUTE CORRELATIONS COUNT CROSSTABS Combining-Data-Files
Combining-Files-Common-Syntax Comma_002dSeparated-Value-Output-Options Commands
Conditionals-and-Looping Continuous-Distributions Controlling-Macro-Expansion
Custom-Currency-Formats DATA-LIST-FIXED-Examples DATA-LIST-FIXED DATA-LIST-FREE
DATA-LIST-LIST DATA-LIST DATAFILE-ATTRIBUTE DATASET DELETE-VARIABLES DESCRIPTIVES
DISPLAY-DOCUMENTS DISPLAY-FILE-LABEL DISPLAY DO-IF DO-REPEAT DOCUMENT DROP-DOCUMENTS
Data-Input-and-Output Data-Manipulation Data-Screening-and-Transformation Data-Selection
Datasets Date-Component-Formats Date-Construction Date-Extraction
Dealing-with-suspicious-data Defining-Variables Discrete-Distributions ECHO END-CASE END-FILE
ERASE EXAMINE EXECUTE EXPORT Examples Exiting-PSPP Expressions FACTOR FILE-HANDLE FILE-LABEL
FILTER FINISH FLIP FORMATS FREQUENCIES FRIEDMAN File-Handles Files Functions
GET-DATA-_002fTYPE_003dGNM_002fODS GET-DATA-_002fTYPE_003dPSQL
GET-DATA-_002fTYPE_003dTXT-_002fARRANGEMENT_003dDELIMITED
GET-DATA-_002fTYPE_003dTXT-_002fARRANGEMENT_003dFIXED GET-DATA-_002fTYPE_003dTXT GET-DATA GET
GLM GNU-Free-Documentation-License GRAPH Grouping-Operators HISTOGRAM HOST
HTML-Output-Options Hypothesis-Testing IF IMPORT INCLUDE INPUT-PROGRAM INSERT
Identifying-incorrect-data Independent-Samples-Mode Input-Selection-Options
Input-and-Output-Formats Introduction Inverting-negatively-coded-variables Invoking-PSPP
Invoking-PSPPIRE Invoking-pspp_002dconvert Invoking-pspp_002ddump_002dsav
Invoking-pspp_002doutput KENDALL KOLMOGOROV_002dSMIRNOV KRUSKAL_002dWALLIS LEAVE LIST
LOGISTIC-REGRESSION LOOP Language Legacy-Numeric-Formats License Linear-Regression
Listing-the-data Logical-Operators MANN_002dWHITNEY MATCH-FILES MATRIX-DATA-with-ROWTYPE_005f
MATRIX-DATA-without-ROWTYPE_005f MATRIX-DATA MATRIX MCNEMAR MCONVERT MEANS MEDIAN
MISSING-VALUES MODIFY-VARS MRSETS Macro-Arguments Macro-Bodies Macro-Conditional-Expansion
Macro-Expressions Macro-Functions Macro-Introduction Macro-Loops Macro-Notes Macro-Overview
Macro-Settings Macro-Variable-Assignment Main-Options Manipulating-Variables Mathematics
Matrices Matrix-Algebra-Functions Matrix-BREAK-Command Matrix-CALL-command
Matrix-COMPUTE-Command Matrix-Construction-Functions Matrix-Construction-Operator
Matrix-DISPLAY-Command Matrix-DO-IF-Command Matrix-EOF-Function
Matrix-Elementwise-Binary-Operators Matrix-Elementwise-Functions
Matrix-Exponentiation-Operator Matrix-Expressions Matrix-Files Matrix-Functions
Matrix-GET-Command Matrix-Index-Operator Matrix-LOOP-and-BREAK-Commands
Matrix-Logical-Functions Matrix-MGET-Command Matrix-MSAVE-Command
Matrix-Minimum-and-Maximum-and-Sum-Functions Matrix-Multiplication-Operator
Matrix-PRINT-Command Matrix-Property-Functions Matrix-READ-Command
Matrix-READ-and-WRITE-Commands Matrix-RELEASE-Command Matrix-Rank-Ordering-Functions
Matrix-SAVE-Command Matrix-Sequence-Operator Matrix-Statistical-Distribution-Functions
Matrix-Unary-Operators Matrix-WRITE-Command Miscellaneous-Functions Miscellaneous-Mathematics
Missing-Observations Missing-Value-Functions Missing-Values-in-Expressions N-OF-CASES
NEW-FILE NPAR-TESTS NUMERIC Not-Implemented ONEWAY OUTPUT One-Sample-Mode
OpenDocument-Output-Options Order-of-Commands Order-of-Operations
PDF-PostScript-SVG-and-PNG-Output-Options PERMISSIONS PRESERVE-and-RESTORE PRINT-EJECT
PRINT-FORMATS PRINT-SPACE PRINT Paired-Samples-Mode Plain-Text-Output-Options
Preparation-of-Data-Files QUICK-CLUSTER RANK RECODE REGRESSION RELIABILITY RENAME-VARIABLES
REPEATING-DATA REREAD ROC RUNS Reading-data-from-a-pre_002dprepared-PSPP-file
Reading-data-from-a-text-file Reading-data-from-other-sources Relational-Operators SAMPLE
SAVE-DATA-COLLECTION SAVE-TRANSLATE-_002fTYPE_003dCSV-and-TYPE_003dTAB SAVE-TRANSLATE SAVE
SCATTERPLOT SELECT-IF SET SHOW SIGN SORT-CASES SORT-VARIABLES SPLIT-FILE STRING SUBTITLE
SYSFILE-INFO Saving-data-to-a-PSPP-file_002e Scratch-Variables Set-Membership
Sets-of-Variables Statistical-Distribution-Functions Statistical-Functions Statistics
String-Formats String-Functions Syntax-Variants Syntax System-Variables
System-and-Portable-File-IO TEMPORARY TITLE T_002dTEST TeX-Output-Options
Testing-data-consistency Testing-for-differences-of-means Testing-for-normality
The-pspp_002doutput-convert-Command The-pspp_002doutput-convert_002dtable_002dlook-Command
The-pspp_002doutput-detect-Command The-pspp_002doutput-dir-Command
The-pspp_002doutput-get_002dtable_002dlook-Command Time-Construction Time-Extraction
Time-and-Date-Arithmetic Time-and-Date-Concepts Time-and-Date-Formats Time-and-Date Tokens
Trigonometry Types-of-Commands UPDATE Using-PSPP Utilities VALUE-LABELS VARIABLE-ALIGNMENT
VARIABLE-ATTRIBUTE VARIABLE-LABELS VARIABLE-LEVEL VARIABLE-ROLE VARIABLE-WIDTH VECTOR WEIGHT
WILCOXON WRITE-FORMATS WRITE XEXPORT XSAVE index"
# path in the package -> name in DEST (a .gz is decompressed)
FILES="$D/NEWS.gz pspp-NEWS.txt
$D/README.gz pspp-README.txt"
for node in $NODES; do
  FILES="$FILES
$D/pspp.html/$node.html pspp-$node.html"
done

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files pspp "$DEST" "$DEBS" "$FILES"
