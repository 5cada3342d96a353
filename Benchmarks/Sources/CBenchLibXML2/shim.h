// swift-meeting-notes · Benchmarks: libxml2 for the reference parsers (tree walk and SAX-only floor).
#ifndef CBENCHLIBXML2_SHIM_H
#define CBENCHLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED   /* STYLE §1.2: avoids the UErrorCode clash with _FoundationICU on Linux */
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/entities.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
#endif
